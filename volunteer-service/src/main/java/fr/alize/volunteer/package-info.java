/**
 * volunteer-service: partner companies ({@code partner}), the skill taxonomy ({@code skills}), volunteers and their
 * erasable personal data ({@code volunteer}), the HR-system integration API ({@code hr}) and partner contributions
 * from mission time ({@code contribution}). See docs/volunteer-service.md.
 */
package fr.alize.volunteer;
