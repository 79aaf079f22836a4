package fr.alize.matching.pool;

import java.util.Map;

/** A partner company's pledged days and logged hours, per year. */
public record PartnerBalance(String partnerId, Map<Integer, Double> pledgedDays, Map<Integer, Double> loggedHours) {

    public static PartnerBalance none(String partnerId) {
        return new PartnerBalance(partnerId, Map.of(), Map.of());
    }
}
