/** The DJL causal language model (Llama layout), checkpoints, sampler and weighted losses. Arrives with the trainer issue. */
package io.east.model;
