/** The event triggers an attachment can name besides event-type globs. */
export const NAMED_TRIGGERS = ['started', 'success', 'error', 'approval'] as const;

/**
 * Does an attachment with `triggers` fire for this event? `any` fires for everything; a named
 * trigger fires when the event carries it; anything else is a glob on the event type (`github.*`).
 */
export function matchesTrigger(
  triggers: readonly string[],
  eventTrigger: string | null,
  eventType: string,
): boolean {
  return triggers.some((trigger) => {
    const wanted = trigger.toLowerCase();
    if (wanted === 'any') return true;
    if ((NAMED_TRIGGERS as readonly string[]).includes(wanted)) return eventTrigger?.toLowerCase() === wanted;
    return globToRegExp(wanted).test(eventType.toLowerCase());
  });
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}
