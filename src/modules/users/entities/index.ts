import { User } from './user.entity';
export const UserEntities = [User];
