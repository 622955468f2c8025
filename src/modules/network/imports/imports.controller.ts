import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { CurrentScope, Roles } from '../../../common/auth/auth.decorators';
import { Scope } from '../../../common/auth/scope';
import { DomainException, ValidationFailedException } from '../../../common/errors/domain.exception';
import { ApiProblems } from '../../../common/http/api-problems.decorator';
import { UuidPipe } from '../../../common/http/uuid-param.pipe';
import { ImportAcceptedView, ImportPageDto, ImportQueryDto, ImportView, UploadImportDto } from './import.dto';
import { ImportsService } from './imports.service';

/** Reads the multipart body: the one file (≤ 10 MB, buffered) and the municipalityId field, in any order. */
async function readUpload(req: FastifyRequest): Promise<{ municipalityId?: string; file: { fileName: string; bytes: Buffer } }> {
  if (!req.isMultipart()) throw new DomainException('unsupported_media_type', 'unsupported_type', 'Unsupported media type', "Send multipart/form-data with the fields 'file' and 'municipalityId'");
  let municipalityId: string | undefined;
  let file: { fileName: string; bytes: Buffer } | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'municipalityId') municipalityId = String(part.value ?? '').trim();
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const c of part.file) chunks.push(c as Buffer);
      if ((part.file as { truncated?: boolean }).truncated) {
        throw new DomainException('payload_too_large', 'too_large', 'Payload too large', 'Het bestand is groter dan 10 MB.');
      }
      if (part.fieldname === 'file') file = { fileName: part.filename ?? 'bestand', bytes: Buffer.concat(chunks) };
    }
  } catch (e) {
    if (e instanceof DomainException) throw e;
    if ((e as { code?: string }).code === 'FST_FILES_LIMIT') throw ValidationFailedException.field('file', 'send one file');
    if (typeof (e as { statusCode?: number }).statusCode === 'number' && (e as { statusCode: number }).statusCode === 413) {
      throw new DomainException('payload_too_large', 'too_large', 'Payload too large', 'Het bestand is groter dan 10 MB.');
    }
    throw ValidationFailedException.field('file', 'the multipart body is malformed');
  }
  if (!file) throw ValidationFailedException.field('file', "is required: send the list in the multipart field 'file'");
  return { municipalityId, file };
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('imports/learners')
  @HttpCode(202)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      "Upload a municipality's list of new learners (xlsx or CSV; columns bsn, voornamen, achternaam, geboortedatum, e-mail, telefoon, leerroute, pip-datum, regime): the dry run is made by the worker",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadImportDto })
  @ApiAcceptedResponse({ type: ImportAcceptedView })
  @ApiProblems(400, 401, 403, 413, 415, 422)
  async learners(@Req() req: FastifyRequest, @CurrentScope() scope: Scope): Promise<ImportAcceptedView> {
    const { municipalityId, file } = await readUpload(req);
    return this.imports.upload('learners', municipalityId, file, scope);
  }

  @Post('imports/exam-results')
  @HttpCode(202)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: "Upload DUO exam results (JSON list per BSN, or CSV/xlsx with bsn, examendatum, onderdeel, niveau, resultaat, redenGeenResultaat): dry run by the worker" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadImportDto })
  @ApiAcceptedResponse({ type: ImportAcceptedView })
  @ApiProblems(400, 401, 403, 413, 415, 422)
  async examResults(@Req() req: FastifyRequest, @CurrentScope() scope: Scope): Promise<ImportAcceptedView> {
    const { municipalityId, file } = await readUpload(req);
    return this.imports.upload('exam_results', municipalityId, file, scope);
  }

  @Get('imports')
  @Roles('admin', 'coordinator', 'municipality')
  @ApiOperation({ summary: 'Imports, newest first: kind, municipality, file, state (dry run, committed, failed), counts, who and when; filter by municipality, kind and state. A municipality only its own' })
  @ApiOkResponse({ type: ImportPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() q: ImportQueryDto, @CurrentScope() scope: Scope) {
    return this.imports.list(q, scope);
  }

  @Get('imports/:id')
  @Roles('admin', 'coordinator', 'municipality')
  @ApiOperation({ summary: 'An import with its dry run: the outcome of every row (new, known, refused with field and Dutch reason)' })
  @ApiOkResponse({ type: ImportView })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<ImportView> {
    return this.imports.get(id, scope);
  }

  @Post('imports/:id/commit')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Apply exactly what the dry run showed, in one transaction, or nothing; a committed import is never applied again' })
  @ApiOkResponse({ type: ImportView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  commit(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<ImportView> {
    return this.imports.commit(id, scope);
  }
}
