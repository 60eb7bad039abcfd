/**
 * The kill switch as persisted: `paused` holds every channel, `channels` names the ones paused one
 * by one. The two are independent: resuming everything leaves a channel that was paused on its own
 * paused, and a channel sends only when neither holds it.
 */
export interface PauseFlags {
  paused: boolean;
  /** Channels paused individually, sorted by name. */
  channels: string[];
}
