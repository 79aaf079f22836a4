/**
 * matching-service: the candidate pool, the explainable ranking and the mission lifecycle. The walking skeleton
 * runs it on the shared platform (event store, outbox to {@code alize.missions}, security, errors); its features
 * arrive with issue 5.
 */
package fr.alize.matching;
