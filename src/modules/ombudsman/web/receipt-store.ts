/**
 * The receipt of the complaint just filed, handed from the form to the confirmation page in memory
 * only: the tracking code must not travel in the URL (it would stay in the history, in bookmarks and
 * in server logs) nor in the browser's storage. A reload of the confirmation page therefore shows
 * nothing, as the server too shows the code only once.
 */
export interface Receipt {
  receiptNumber: string;
  trackingCode: string;
  /** Files the citizen chose that could not be sent (the complaint itself was filed). */
  attachmentsFailed: boolean;
  /** The files the server confirmed, by name and size. */
  attachments: readonly { name: string; sizeBytes: number }[];
}

let latest: Receipt | null = null;

export function keepReceipt(receipt: Receipt): void {
  latest = receipt;
}

export function latestReceipt(): Receipt | null {
  return latest;
}

export function forgetReceipt(): void {
  latest = null;
}
