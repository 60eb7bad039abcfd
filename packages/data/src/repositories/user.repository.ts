import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { UserView } from '@herald/contracts';
import { UserEntity } from '../entities/index.js';
import { toUserView } from './view-mappers.js';

export type UserProfile = Partial<Omit<UserView, 'id'>>;

export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** PUT semantics: the profile given replaces the stored one. */
  async put(id: string, profile: UserProfile): Promise<UserView> {
    const repository = this.dataSource.getRepository(UserEntity);
    await repository.upsert(
      {
        id,
        email: profile.email ?? null,
        name: profile.name ?? null,
        username: profile.username ?? null,
        phone: profile.phone ?? null,
        addresses: profile.addresses ?? {},
        timezone: profile.timezone ?? null,
        updatedAt: new Date(),
      },
      ['id'],
    );
    return toUserView(await repository.findOneByOrFail({ id }));
  }

  async find(id: string): Promise<UserView | null> {
    const row = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    return row ? toUserView(row) : null;
  }

  /** Removes the profile and, by cascade, the user's preferences; past deliveries keep the id. */
  async delete(id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(UserEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /** Every user, by id, keyset-paged: `after` is the last id of the previous page. */
  async list(after: string | null, limit: number): Promise<UserView[]> {
    const query = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('u.id', 'ASC')
      .limit(limit);
    if (after !== null) query.where('u.id > :after', { after });
    return (await query.getMany()).map(toUserView);
  }

  async findMany(ids: string[]): Promise<UserView[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(UserEntity).findBy({ id: In(ids) });
    return rows.map(toUserView);
  }
}
