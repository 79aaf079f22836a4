package fr.alize.platform.jdbc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WhereTest {

    @Test
    void onlyTheConditionsWithAValueAreAddedWithTheirParametersInOrder() {
        Where where = new Where().and("a = ?", "x").and("b = ?", null).and("c BETWEEN ? AND ?", 1, 5);
        assertEquals(" WHERE TRUE AND a = ? AND c BETWEEN ? AND ?", where.sql());
        assertArrayEquals(new Object[]{"x", 1, 5}, where.parameters());
        assertArrayEquals(new Object[]{"x", 1, 5, 20, 40L}, where.parametersForPage(2, 20));
    }

    @Test
    void noConditionSelectsEverything() {
        assertEquals(" WHERE TRUE", new Where().sql());
        assertArrayEquals(new Object[0], new Where().parameters());
    }
}
