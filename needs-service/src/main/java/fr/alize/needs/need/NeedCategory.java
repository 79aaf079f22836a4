package fr.alize.needs.need;

/** What kind of help an SME asks for. */
public enum NeedCategory {
    IT_REQUIREMENTS, ACCOUNTING, CERTIFICATION, REORGANISATION, HR_RECRUITMENT, QUALITY, EXPORT, MARKETING, FINANCE, OTHER
}
