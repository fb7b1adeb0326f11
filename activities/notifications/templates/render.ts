/**
 * Entry point of the templates: one function for every kind and language.
 */
import {
  type Language,
  type NotificationContent,
  type RenderedMessage,
  type TemplateContext,
} from './content';
import { renderEn } from './en';
import { renderId } from './id';

export * from './content';
export { formatDateTime, formatDay, formatTime, zoneAbbreviation } from './local-time';

/** Renders a notification in `language` (Bahasa Indonesia unless asked otherwise). */
export function renderNotification(
  content: NotificationContent,
  ctx: TemplateContext,
  language: Language = 'id',
): RenderedMessage {
  switch (language) {
    case 'id':
      return renderId(content, ctx);
    case 'en':
      return renderEn(content, ctx);
    default: {
      const unreachable: never = language;
      throw new Error(`language: unsupported "${String(unreachable)}"`);
    }
  }
}
