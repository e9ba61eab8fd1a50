/** Each test worker logs only warnings and errors, so test output stays readable. */
import { configureLogger } from '../../core/logger.js';

configureLogger('warn');
