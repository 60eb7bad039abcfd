import { Injectable } from '@nestjs/common';
import type { ListResponse, PutUserDto, UserView } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { ApiError } from '../errors/api-error.js';
import { decodePageCursor, encodePageCursor, type PageQuery } from '../paging/page.query.js';

@Injectable()
export class UsersService {
  constructor(private readonly data: HeraldData) {}

  /** PUT semantics: the profile given replaces the stored one, fields left out become empty. */
  put(id: string, user: PutUserDto): Promise<UserView> {
    return this.data.users.put(id, {
      email: user.email,
      name: user.name,
      username: user.username,
      phone: user.phone,
      addresses: user.addresses,
      timezone: user.timezone,
    });
  }

  async list(page: PageQuery): Promise<ListResponse<UserView>> {
    const limit = page.limit ?? 50;
    const after = decodePageCursor(page.cursor, (key): key is string => typeof key === 'string');
    const items = await this.data.users.list(after, limit + 1);
    const shown = items.slice(0, limit);
    return {
      items: shown,
      nextCursor: items.length > limit ? encodePageCursor(shown[shown.length - 1]!.id) : null,
    };
  }

  async get(id: string): Promise<UserView> {
    const user = await this.data.users.find(id);
    if (!user) throw ApiError.notFound(`No user with id "${id}"`);
    return user;
  }

  /** The user's preferences go too; deliveries already made keep the id. */
  async delete(id: string): Promise<void> {
    if (!(await this.data.users.delete(id))) throw ApiError.notFound(`No user with id "${id}"`);
  }
}
