/** Who is acting, as established by sign-in. */
export interface Principal {
  nip: string;
  nama: string;
  admin: boolean;
}
