/** Shared test infrastructure: the one MariaDB of the run, REST helpers and fixtures. */
package org.pilotline.testing;
