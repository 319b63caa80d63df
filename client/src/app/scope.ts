/**
 * What the shell looks at: the city of the demo data and the year of the source article.
 * Pickers for unit and year come with the full client.
 */
export const CITY_CODE = "92";
export const SUMMARY_YEAR = 2016;
