/** The server's version, reported by the OpenAPI document and `socifyr-server --version`. Keep in step with package.json. */
export const SERVER_VERSION = '0.1.0';
