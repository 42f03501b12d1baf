/** Question feeder, generator workers and importer of existing generations. Arrives with the producers issue. */
package io.east.producers;
