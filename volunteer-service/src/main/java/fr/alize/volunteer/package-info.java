/**
 * volunteer-service: partner companies, their volunteers and the HR-system integration API. The walking skeleton
 * runs it on the shared platform (event store, outbox to {@code alize.volunteers}, security, errors); its
 * features arrive with issue 4.
 */
package fr.alize.volunteer;
