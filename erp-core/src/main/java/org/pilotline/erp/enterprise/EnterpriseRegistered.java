package org.pilotline.erp.enterprise;

/** Fired when a new pilot enterprise is registered, so that higher modules can set themselves up for the tenant. */
public record EnterpriseRegistered(String code) {
}
