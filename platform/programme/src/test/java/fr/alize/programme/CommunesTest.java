package fr.alize.programme;

import org.junit.jupiter.api.Test;

import java.util.List;

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
    void everyCommuneIsListedOnceInTheOrderOfTheFile() {
        List<Communes.Commune> all = communes.all();
        assertEquals(communes.size(), all.size());
        assertEquals("02001", all.get(0).code());
        assertEquals("02002", all.get(1).code());
        assertEquals("80836", all.get(all.size() - 1).code());
        all.forEach(commune -> assertSame(commune, communes.get(commune.code())));
    }

    @Test
    void aReferenceBuiltFromAListKeepsItsOrder() {
        Communes.Commune roubaix = new Communes.Commune("59512", "Roubaix", "200093201", "595", "59");
        Communes.Commune amiens = new Communes.Commune("80021", "Amiens", "248000531", "802", "80");
        Communes.Commune arras = new Communes.Commune("62041", "Arras", "200033579", "621", "62");
        Communes small = new Communes(List.of(roubaix, amiens, arras));
        assertEquals(List.of(roubaix, amiens, arras), small.all());
        assertEquals(amiens, small.get("80021"));
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
