import type { IndexedContact } from '../../facts/history-index.js';
import type { EventFilter } from '../document.js';

const BORROWER = ['borrower'] as const;

/** The contacts an event filter selects, in ascending time. Recipients default to the borrower. */
export function selectContacts(
  contacts: readonly IndexedContact[],
  filter: EventFilter,
  defaultDirections: EventFilter['directions'],
  accept: (contact: IndexedContact) => boolean,
): IndexedContact[] {
  const directions = filter.directions ?? defaultDirections;
  return contacts.filter(
    (contact) =>
      filter.channels.includes(contact.channel) &&
      (filter.outcomes === undefined || filter.outcomes.includes(contact.outcome)) &&
      (directions === undefined || directions.includes(contact.direction)) &&
      (filter.by === undefined || filter.by.includes(contact.by)) &&
      (filter.recipients ?? BORROWER).includes(contact.recipient) &&
      accept(contact),
  );
}

/** `call`, `call or SMS`… for reasons. */
export function describeChannels(filter: EventFilter): string {
  const names = filter.channels.map((channel) => (channel === 'sms' ? 'SMS' : channel === 'email' ? 'e-mail' : channel));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
}
