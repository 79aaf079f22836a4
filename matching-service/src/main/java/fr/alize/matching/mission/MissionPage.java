package fr.alize.matching.mission;

import java.util.List;

/** A page of missions in the order of proposal: items, the page asked for (from 0), its size and the total count. */
public record MissionPage(List<MissionSummary> items, int page, int size, long total) {
}
