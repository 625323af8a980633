/** One line of a quote's own history, as the quote page lists it. */
export function describeQuoteEvent(e: { kind: string; userName: string | null; byName: string | null; ip: string | null; detail: string | null }): string {
  switch (e.kind) {
    case 'created':
      return `${e.detail ?? 'Created'}${e.userName ? ` by ${e.userName}` : ''}`;
    case 'sent':
      return `Sent${e.userName ? ` by ${e.userName}` : ''}`;
    case 'revised':
      return `Revised as ${e.detail ?? 'a new version'}${e.userName ? ` by ${e.userName}` : ''}`;
    case 'accepted':
      return `Accepted by ${e.byName ?? 'the customer'}${e.ip ? ` from ${e.ip}` : ''}`;
    case 'declined':
      return `Declined by the customer${e.detail ? `: “${e.detail}”` : ''}`;
    default:
      return 'Changed';
  }
}
