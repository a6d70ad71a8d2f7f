/** The project's home (the manifest's homepage_url) and its privacy policy, linked from Settings and Welcome. */
export const HOMEPAGE_URL = 'https://github.com/rollbreak/rollbreak';
export const PRIVACY_URL = `${HOMEPAGE_URL}/blob/main/PRIVACY.md`;
/** What changed in each version (CHANGELOG.md), linked from the popup's line after an update. */
export const CHANGELOG_URL = `${HOMEPAGE_URL}/blob/main/CHANGELOG.md`;
