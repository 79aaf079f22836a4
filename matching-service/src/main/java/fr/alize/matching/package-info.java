/**
 * matching-service: the candidate pool ({@code pool}: a projection of the needs, volunteers and missions topics in
 * PostgreSQL, plus its in-memory index), the explainable ranking ({@code ranking}) and the mission lifecycle
 * ({@code mission}: the event-sourced aggregate and its REST API). See docs/matching-service.md.
 */
package fr.alize.matching;
