package io.github.usereventbus.runtime.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

/**
 * The Netty HTTP client of a publisher that makes its own AWS client, on an event loop the publisher owns.
 * The SDK's own loop waits out Netty's two-second quiet period when it is closed, so every {@code close()}
 * took over two seconds (tests, command-line tools, shutdown hooks); the publisher closes this one only after
 * every event it sent has its answer, so no quiet period is needed. Loaded only when Netty is on the
 * classpath: without it the SDK picks whichever HTTP client is there.
 */
public final class NettyHttp implements AutoCloseable {

    private static final long SHUTDOWN_SECONDS = 10;

    private final SdkEventLoopGroup loop;
    private final SdkAsyncHttpClient client;

    private NettyHttp(ThreadFactory threads) {
        this.loop = SdkEventLoopGroup.builder().threadFactory(threads).build();
        this.client = NettyNioAsyncHttpClient.builder().eventLoopGroup(loop).build();
    }

    /** Whether the SDK's Netty client is on the classpath. */
    public static boolean available() {
        try {
            Class.forName("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient", false,
                    NettyHttp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A client on an event loop of {@code threads}; call only when {@link #available()}. */
    public static NettyHttp create(ThreadFactory threads) {
        return new NettyHttp(threads);
    }

    /** The HTTP client to give the AWS client builder; the AWS client does not close it. */
    public SdkAsyncHttpClient client() {
        return client;
    }

    /** Closes the client's connections, then stops the event loop at once and waits for it. */
    @Override
    public void close() {
        client.close();
        loop.eventLoopGroup().shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS)
                .awaitUninterruptibly(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    }
}
