/**
 * An email address that wraps at its @ when space runs out ("grace" / "@example.com") rather than in the
 * middle of a word; only a part longer than the line breaks anywhere.
 */
export function Email({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at <= 0) return <span className="email">{address}</span>;
  return (
    <span className="email">
      <span className="email-part">{address.slice(0, at)}</span>
      <wbr />
      <span className="email-part">{address.slice(at)}</span>
    </span>
  );
}
