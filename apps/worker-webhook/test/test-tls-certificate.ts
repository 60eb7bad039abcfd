// A self-signed certificate for 127.0.0.1 and localhost, valid until 2126, made for these tests
// only (openssl req -x509 -newkey ec, P-256). Its key is public: never trust it anywhere else.
export const TEST_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg4Boa5Rtczh/+Vt1a
zshMFp0UmzuKjIkxJZiaJW6kjeyhRANCAASYNOLw+a+qvNot/u3ZksoycSNdFlkg
kYneZUnwrUZvmbxKMqUVLuHi6608Q/zc0WORUlX5JRZNU7mzZNHBhZPO
-----END PRIVATE KEY-----
`;

export const TEST_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBmzCCAUGgAwIBAgIUEn//tcZoytzFkKbJVzkxmzLfIRgwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyMjE5MTc0M1oYDzIxMjYxMDI5
MTkxNzQzWjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASYNOLw+a+qvNot/u3ZksoycSNdFlkgkYneZUnwrUZvmbxKMqUVLuHi
6608Q/zc0WORUlX5JRZNU7mzZNHBhZPOo28wbTAdBgNVHQ4EFgQUPBmObvHXB0aX
AEfdiHopZ91ewgEwHwYDVR0jBBgwFoAUPBmObvHXB0aXAEfdiHopZ91ewgEwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZI
zj0EAwIDSAAwRQIgOtMJTvbT1cx8le3U2c0EJuKX4FE4xVJtSjdzDuxf9HsCIQDx
Wu8idlaGHkkaYliN+maKIEwNRHVZ5maGqMs4P6AKBQ==
-----END CERTIFICATE-----
`;
