package fr.alize.needs.need;

/** Where a need stands. Only a PUBLISHED need is open: it may be amended, withdrawn, matched or expire. */
public enum NeedStatus {
    PUBLISHED, MATCHED, FULFILLED, WITHDRAWN, EXPIRED
}
