/** Request shapes the benchmarks send. */

/** The Authorization header for a key. */
export const bearer = (plaintext) => ({ authorization: `Bearer ${plaintext}` });

/**
 * Requests spreading `keys` over the connections: connection c of n cycles through keys c, c + n,
 * c + 2n… (with `extraHeaders(i)` for key i), so every key is in use and no two connections send the
 * same key in lockstep. Each request is built once, before the run, so sending costs the load
 * generator no more than a fixed request does.
 * @returns {(connection: number, connections: number) => object[]} for `Variant.perConnection`
 */
export function rotation(path, keys, extraHeaders = () => ({})) {
  return (connection, connections) => {
    const requests = [];
    for (let i = connection; i < keys.length; i += connections) {
      requests.push({ method: 'GET', path, headers: { ...bearer(keys[i]), ...extraHeaders(i) } });
    }
    return requests;
  };
}
