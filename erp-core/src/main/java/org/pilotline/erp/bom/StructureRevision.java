package org.pilotline.erp.bom;

import jakarta.persistence.MappedSuperclass;
import org.pilotline.erp.item.ItemRevision;

/** A BOM or recipe revision: what an item is made of, in lines that a save replaces whole. */
@MappedSuperclass
public abstract class StructureRevision extends ItemRevision {

    /** Drops every line of the revision, before the lines of a save replace them. */
    public abstract void clearLines();
}
