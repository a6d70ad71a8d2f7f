/** The project's home (the manifest's homepage_url) and its privacy policy, linked from Settings and Welcome. */
export const HOMEPAGE_URL = 'https://github.com/rollbreak/rollbreak';
export const PRIVACY_URL = `${HOMEPAGE_URL}/blob/main/PRIVACY.md`;
