"""moto server, with DynamoDB requests applied one at a time.

moto's server handles requests on many threads, and its DynamoDB backend checks a ConditionExpression and then
writes without holding a lock, so two concurrent conditional writes can both succeed. Real DynamoDB applies each
item write atomically. Serialising the DynamoDB and DynamoDB Streams requests restores that guarantee, which the
concurrency tests depend on (16 detectors -> one alert). Other services stay concurrent, so an SQS long poll never
blocks the tables.

Usage: python moto_server.py [-H HOST] [-p PORT]
"""
import argparse
import signal
import sys
import threading

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app

_dynamodb = threading.Lock()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=5000)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

    moto = DomainDispatcherApplication(create_backend_app)

    def app(environ, start_response):
        if environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB"):
            with _dynamodb:
                # Consume the whole response inside the lock: the write happens while the body is produced.
                return [b"".join(moto(environ, start_response))]
        return moto(environ, start_response)

    run_simple(args.host, args.port, app, threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
