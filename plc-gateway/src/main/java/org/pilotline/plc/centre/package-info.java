/**
 * What the gateway keeps in the centre's shared database, in plain JDBC: sequence-number blocks and last contacts per
 * machine, and the acquisition lease that lets exactly one application replica acquire ({@link
 * org.pilotline.plc.centre.AcquisitionLeader}).
 */
package org.pilotline.plc.centre;
