/** @socifyr/sdk: the typed client for the Socifyr API. */
export const SDK_VERSION = '0.1.0';
