import { Module } from '@nestjs/common';
import { MunicipalitiesController } from './municipalities.controller';
import { MunicipalitiesService } from './municipalities.service';
import { MunicipalityRepository } from './municipality.repository';

@Module({ controllers: [MunicipalitiesController], providers: [MunicipalitiesService, MunicipalityRepository] })
export class MunicipalitiesModule {}
