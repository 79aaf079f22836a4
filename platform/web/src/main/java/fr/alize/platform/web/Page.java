package fr.alize.platform.web;

import java.util.List;

/** A page of a list in a stable order: items, the page asked for (from 0), its size and the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
