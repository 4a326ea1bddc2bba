import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ROLES, type ApiKeyRow, type Role } from '../auth/api-keys.repository';
import { PRINTABLE_PATTERN } from '../validation/patterns';

export class CreateKeyDto {
  @ApiProperty({ example: 'grafana', description: 'Who or what uses the key' })
  @IsString()
  @Length(1, 100)
  @Matches(PRINTABLE_PATTERN)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class ApiKeyDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) revokedAt!: string | null;

  static of(row: ApiKeyRow): ApiKeyDto {
    return {
      id: row.keyId,
      name: row.name,
      role: row.role,
      createdAt: row.createdAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself; shown once, stored only as a hash' }) key!: string;
}

export class RevokedTokensDto {
  @ApiProperty() hostname!: string;
  @ApiProperty({ description: 'Tokens revoked now' }) revoked!: number;
}
