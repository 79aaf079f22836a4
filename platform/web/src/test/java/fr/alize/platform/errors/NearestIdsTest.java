package fr.alize.platform.errors;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NearestIdsTest {

    private static final List<String> KNOWN = List.of("it-requirements", "it-erp", "iso-9001", "iso-14001", "hr-training");

    @Test
    void theClosestIdsComeFirstTiesById() {
        assertEquals(List.of("it-requirements", "it-erp"), NearestIds.nearest("it-requirement", KNOWN, 2));
        assertEquals(NearestIds.SUGGESTIONS, NearestIds.nearest("it-requirement", KNOWN).size());
        assertEquals(List.of("iso-9001", "iso-14001"), NearestIds.nearest("ISO-9000", KNOWN, 2));
    }

    @Test
    void noMoreThanAskedNorThanKnown() {
        assertEquals(List.of("a", "b"), NearestIds.nearest(null, List.of("b", "a")));
        assertEquals(List.of(), NearestIds.nearest("x", List.of()));
    }

    @Test
    void distanceCountsEdits() {
        assertEquals(3, NearestIds.distance("kitten", "sitting"));
        assertEquals(3, NearestIds.distance("", "abc"));
        assertEquals(0, NearestIds.distance("same", "same"));
    }
}
