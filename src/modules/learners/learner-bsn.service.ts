import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { NotFoundException } from '../../common/errors/domain.exception';
import { AuditService } from '../audit/audit.service';
import { BsnVault } from './bsn/bsn-vault.service';
import { RevealedBsnDto } from './dto/bsn-lookup.dto';
import { LearnerViewDto } from './dto/learner-view.dto';
import { LearnerRepository } from './learner.repository';

/** Reading a full BSN and finding a learner by BSN; both audited, neither ever logs the value. */
@Injectable()
export class LearnerBsnService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: LearnerRepository,
    private readonly vault: BsnVault,
    private readonly audit: AuditService,
  ) {}

  async reveal(id: string, scope: Scope): Promise<RevealedBsnDto> {
    return this.db.transaction(async (m) => {
      const row = await this.repo.findBsnCiphertext(m, id, scope);
      if (!row) throw new NotFoundException('Learner', id);
      if (!row.ciphertext) throw new NotFoundException('BSN of learner', id);
      await this.audit.record(m, scope, { action: 'bsn.reveal', entityType: 'learner', entityId: id, fields: ['bsn'] });
      return { bsn: this.vault.open(row.ciphertext) };
    });
  }

  /** Exact match through the blind index; the attempt is audited whether or not it finds someone. */
  async lookup(bsn: string, scope: Scope): Promise<LearnerViewDto> {
    const id = await this.repo.findIdByBsnHash(this.vault.hash(bsn), scope);
    await this.db.transaction((m) => this.audit.record(m, scope, { action: 'bsn.lookup', entityType: 'learner', entityId: id, fields: ['bsn'] }));
    const learner = id ? await this.repo.findOneInScope(id, scope) : null;
    if (!learner) throw new NotFoundException('Learner with this BSN');
    return learner;
  }
}
