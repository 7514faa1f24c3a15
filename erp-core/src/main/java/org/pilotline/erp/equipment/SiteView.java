package org.pilotline.erp.equipment;


public record SiteView(long id, String code, String name, String address, String timeZone, long version) {

    public static SiteView of(Site s) {
        return new SiteView(s.id, s.code, s.name, s.address, s.timeZone, s.version);
    }
}
