package io.firstcall.pipeline;

/**
 * How the stages map onto threads.
 */
public enum Topology
{
    /**
     * One engine thread journals a batch, then decides it. Suits 2 cores: with the Netty I/O thread
     * that is two busy threads. The default.
     */
    SINGLE,

    /**
     * A journal thread and a decision thread, the second following the first. Needs a spare core.
     */
    PIPELINED
}
