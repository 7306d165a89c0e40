/** Files on the event loop: the aiofiles equivalent. The front door is {@link io.aio4j.files.AsyncFiles}. */
module io.aio4j.files {
    // API
    requires transitive io.aio4j.api;
    exports io.aio4j.files;
}
