import { Injectable } from '@nestjs/common';
import { Scope } from '../../common/auth/scope';
import { NotFoundException } from '../../common/errors/domain.exception';
import { Page } from '../../common/http/page-query.dto';
import { ContractRepository } from './contract.repository';
import { ContractQueryDto } from './dto/contract.dto';
import { ContractDetailView, ContractView } from './dto/contract-view.dto';

/** Reading contracts, within the caller's scope. */
@Injectable()
export class ContractsService {
  constructor(private readonly repo: ContractRepository) {}

  list(q: ContractQueryDto, scope: Scope): Promise<Page<ContractView>> {
    return this.repo.findPageInScope(q, scope);
  }

  async get(id: string, scope: Scope): Promise<ContractDetailView> {
    const c = await this.repo.findDetailInScope(id, scope);
    if (!c) throw new NotFoundException('Contract', id);
    return c;
  }
}
