import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { DocumentsModule } from '../documents/documents.module';
import { QueueBoard } from './queue-board';
import { QueueBoardController } from './queue-board.controller';
import { QueueBoardSession } from './queue-board-session';

/** Bull Board for admins (API process only; the worker has no HTTP). */
@Module({
  // Its own JwtService: the board token is signed with its own derived key (QueueBoardSession), never the login key.
  imports: [DocumentsModule, JwtModule.register({})],
  controllers: [QueueBoardController],
  providers: [QueueBoard, QueueBoardSession],
})
export class QueueBoardModule {}
