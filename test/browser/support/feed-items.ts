import type { Page } from 'playwright-core';

/** One line of the live feed as the page shows it. */
export interface ShownFeedItem {
  eventId: string;
  source: string;
  event: string;
  text: string;
  /** The AI's reasoning under the line, or null. */
  reasoning: string | null;
}

/** The feed's items, newest first, read in one round trip. */
export function feedItems(page: Page): Promise<ShownFeedItem[]> {
  return page.$$eval('[data-testid="feed-item"]', (items) =>
    items.map((item) => ({
      eventId: item.getAttribute('data-event-id') ?? '',
      source: item.getAttribute('data-source') ?? '',
      event: item.getAttribute('data-event') ?? '',
      text: item.querySelector('[data-testid="feed-text"]')?.textContent?.trim() ?? '',
      reasoning: item.querySelector('[data-testid="feed-reasoning"]')?.textContent?.trim() ?? null,
    })),
  );
}
