import type { Fault } from './types.js';

/**
 * Lists are cut at the default page size (5 assertions, 3 CLRs) whatever limit the candidate asks for,
 * as OB 2.1 lets a provider do: the candidate must follow every Link `next`, skipping and repeating none.
 */
export const pagedList: Fault = {
  name: 'paged-list',
  summary: 'lists need their Link next pages: the page size is forced to the default',
  requirements: ['OBC21-CERT-consumer-pagination', 'CLR10-CONSUMER-PAGINATION'],
  forcePaging: true,
};
