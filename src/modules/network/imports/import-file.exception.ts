import { DomainException } from '../../../common/errors/domain.exception';
import { NetworkProblemCode } from '../network.exception';

/**
 * A file that cannot be imported as a whole (not a spreadsheet, a missing column, too many rows). The message is
 * Dutch: it is shown to the coordinator as it is, on the page and in the dry-run sheet.
 */
export class ImportFileException extends DomainException {
  constructor(code: NetworkProblemCode, message: string, field = 'file') {
    super(code, 'rule', 'Bestand niet te verwerken', message, [{ field, message }]);
  }
}
