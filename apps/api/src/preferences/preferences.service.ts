import { Injectable } from '@nestjs/common';
import type { ListResponse, PreferenceItemView, PutPreferenceDto } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { ApiError } from '../errors/api-error.js';
import { toPreferenceItem } from './preference-item.mapper.js';

@Injectable()
export class PreferencesService {
  constructor(private readonly data: HeraldData) {}

  /** Every registered event type, so a settings page can show what the user has not touched too. */
  async list(userId: string): Promise<ListResponse<PreferenceItemView>> {
    await this.requireUser(userId);
    const [eventTypes, prefs] = await Promise.all([
      this.data.eventTypes.list(),
      this.data.preferences.forUser(userId),
    ]);
    const items = eventTypes.map((eventType) =>
      toPreferenceItem(
        eventType,
        prefs.filter((pref) => pref.eventType === eventType.name),
      ),
    );
    return { items, nextCursor: null };
  }

  /**
   * Stores one choice and answers that event type as it now stands. A channel that is not among the
   * type's methods today is kept anyway: it applies if an admin adds the method later.
   */
  async put(userId: string, choice: PutPreferenceDto): Promise<PreferenceItemView> {
    await this.requireUser(userId);
    const eventType = await this.data.eventTypes.find(choice.eventType);
    if (!eventType) throw ApiError.notFound(`No event type named "${choice.eventType}"`);
    await this.data.preferences.put({
      userId,
      eventType: eventType.name,
      channel: choice.channel ?? null,
      enabled: choice.enabled,
    });
    const prefs = await this.data.preferences.forUser(userId);
    return toPreferenceItem(
      eventType,
      prefs.filter((pref) => pref.eventType === eventType.name),
    );
  }

  private async requireUser(userId: string): Promise<void> {
    if (!(await this.data.users.find(userId))) throw ApiError.notFound(`No user with id "${userId}"`);
  }
}
