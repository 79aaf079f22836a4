package fr.alize.platform.reference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class CommunesTest {

    private final Communes communes = Communes.hautsDeFrance();

    @Test
    void theShippedReferenceHoldsEveryCurrentCommuneOfHautsDeFrance() {
        assertEquals(3782, communes.size());
        assertEquals(new Communes.Commune("59350", "Lille", "200093201", "595", "59"), communes.get("59350"));
        assertEquals("Abbécourt", communes.get("02001").name(), "read as UTF-8");
        assertSame(communes, Communes.hautsDeFrance(), "read once");
    }

    @Test
    void aCommuneGivesItsEpci() {
        assertEquals("200093201", communes.epciOf("59350"));
        assertEquals("200033579", communes.epciOf("62041"));
    }

    @Test
    void aCodeOutsideTheReferenceHasNoEpciButKeepsItsDepartement() {
        assertNull(communes.epciOf("75056"));
        assertNull(communes.epciOf(null));
        assertNull(communes.get("75056"));
        assertEquals("75", communes.place("75056").departement());
        assertEquals("971", communes.place("97105").departement());
        assertNull(communes.place(null));
    }
}
