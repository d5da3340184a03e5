/** The site's one incident, in localStorage; apart so the page's first script needs nothing else. */
export const INCIDENT_KEY = 'lifeboat:incident';
